// Types of native-abi.mjs, for the tests that import it.
export type AbiCheck = { ok: true } | { ok: false; message: string }
export function registeredAbis(bytes: Uint8Array): number[]
export function checkModuleAbi(file: string, abi: number, runtime: string): AbiCheck
export function loadsInElectron(file: string, electronBinary: string | null): AbiCheck | null
