/**
 * The Content-Security-Policy of the renderer, the same in the Electron window and in web
 * mode: only the app's own scripts, no eval, no plugins, no framing, no outside connections.
 * Styles allow 'unsafe-inline' because antd writes its CSS-in-JS into <style> tags.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
