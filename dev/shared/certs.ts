// HTTPS for the emulator and workbench: the Graph client only treats https:// URLs as Graph URLs, so even
// local development runs on TLS. A local CA and a leaf for localhost/127.0.0.1 are made once and reused.
import { X509Certificate } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { generateCertificates } from "office-addin-dev-certs";

export interface DevCerts {
  dir: string;
  caPath: string;
  certPath: string;
  keyPath: string;
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
}

const RENEW_BEFORE_MS = 2 * 24 * 3600 * 1000;

export function defaultCertDir(): string {
  return process.env.DEV_CERTS_DIR ?? path.resolve(__dirname, "..", "..", ".dev-certs");
}

function stillValid(certPath: string): boolean {
  try {
    const cert = new X509Certificate(readFileSync(certPath));
    return Date.parse(cert.validTo) - Date.now() > RENEW_BEFORE_MS;
  } catch {
    return false;
  }
}

/** Returns the certificate files, creating them when missing or about to expire. */
export async function ensureDevCerts(dir: string = defaultCertDir()): Promise<DevCerts> {
  const caPath = path.join(dir, "ca.crt");
  const certPath = path.join(dir, "localhost.crt");
  const keyPath = path.join(dir, "localhost.key");
  if (![caPath, certPath, keyPath].every(existsSync) || !stillValid(certPath) || !stillValid(caPath)) {
    mkdirSync(dir, { recursive: true });
    await generateCertificates(caPath, certPath, keyPath, 30, ["127.0.0.1", "localhost"]);
  }
  return {
    dir,
    caPath,
    certPath,
    keyPath,
    ca: readFileSync(caPath),
    cert: readFileSync(certPath),
    key: readFileSync(keyPath),
  };
}
