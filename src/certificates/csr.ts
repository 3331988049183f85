// A certificate signing request made on this machine: a new key pair and the signature from Node's
// crypto, the PKCS#10 structure (RFC 2986) encoded with asn1js. The private key is handed back to the
// caller only, to be written where the user chose; nothing here stores, logs or sends it.
import { generateKeyPair, KeyObject, sign } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as l10n from '@vscode/l10n';

export type CsrKeyType = 'rsa2048' | 'ecdsaP256';

export interface CsrRequest {
  /** The host name the certificate is for (`shop.example.com`, `*.example.com`). */
  commonName: string;
  /** Further names (subject alternative names); the common name is always the first. */
  altNames?: readonly string[];
  keyType: CsrKeyType;
}

export interface GeneratedCsr {
  csrPem: string;
  /** PKCS#8, PEM. */
  privateKeyPem: string;
}

const OID = {
  commonName: '2.5.4.3',
  extensionRequest: '1.2.840.113549.1.9.14',
  subjectAltName: '2.5.29.17',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
};

function pem(label: string, der: ArrayBuffer | Buffer): string {
  const lines = Buffer.from(der as ArrayBuffer).toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** A host name a certificate can be issued for: labels of letters, digits and hyphens, an optional leading `*.`. */
export function isCertificateName(name: string): boolean {
  return /^(\*\.)?(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(name);
}

/** Name ::= SEQUENCE OF RelativeDistinguishedName, here just CN. */
function subjectName(commonName: string): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [new asn1js.Set({ value: [new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID.commonName }), new asn1js.Utf8String({ value: commonName })] })] })],
  });
}

/** attributes [0] { extensionRequest { subjectAltName: dNSName … } }. */
function extensionRequest(names: readonly string[]): asn1js.Constructed {
  const generalNames = new asn1js.Sequence({ value: names.map((n) => new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 2 }, valueHex: Buffer.from(n, 'ascii') })) });
  const extensions = new asn1js.Sequence({
    value: [new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID.subjectAltName }), new asn1js.OctetString({ valueHex: generalNames.toBER(false) })] })],
  });
  const attribute = new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID.extensionRequest }), new asn1js.Set({ value: [extensions] })] });
  return new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [attribute] });
}

function fromDer(der: ArrayBuffer | Buffer): asn1js.AsnType {
  const bytes = Buffer.from(der as ArrayBuffer);
  const parsed = asn1js.fromBER(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  if (parsed.offset === -1) throw new Error(parsed.result.error);
  return parsed.result;
}

function newKeyPair(rsa: boolean): Promise<{ publicKey: KeyObject; privateKey: KeyObject }> {
  return new Promise((resolve, reject) => {
    const done = (e: Error | null, publicKey: KeyObject, privateKey: KeyObject) => (e ? reject(e) : resolve({ publicKey, privateKey }));
    if (rsa) generateKeyPair('rsa', { modulusLength: 2048 }, done);
    else generateKeyPair('ec', { namedCurve: 'P-256' }, done);
  });
}

/** Makes a new key pair and a CSR for it, signed with the new key (SHA-256). */
export async function generateCsr(request: CsrRequest): Promise<GeneratedCsr> {
  const names = [request.commonName, ...(request.altNames ?? []).filter((n) => n !== request.commonName)];
  const bad = names.find((n) => !isCertificateName(n));
  if (bad !== undefined) throw new Error(l10n.t('“{0}” is not a host name a certificate can be issued for', bad));
  const rsa = request.keyType === 'rsa2048';
  const { publicKey, privateKey } = await newKeyPair(rsa);

  // CertificationRequestInfo ::= SEQUENCE { version 0, subject, subjectPKInfo, attributes [0] }
  const info = new asn1js.Sequence({
    value: [new asn1js.Integer({ value: 0 }), subjectName(request.commonName), fromDer(publicKey.export({ type: 'spki', format: 'der' })), extensionRequest(names)],
  });
  const infoDer = Buffer.from(info.toBER(false));
  // ECDSA signatures come from Node as DER (r, s), the form X.509 wants.
  const signature = sign('sha256', infoDer, privateKey);
  const algorithm = new asn1js.Sequence({ value: rsa ? [new asn1js.ObjectIdentifier({ value: OID.sha256WithRsa }), new asn1js.Null()] : [new asn1js.ObjectIdentifier({ value: OID.ecdsaWithSha256 })] });
  const csr = new asn1js.Sequence({ value: [fromDer(infoDer), algorithm, new asn1js.BitString({ valueHex: signature })] });
  return {
    csrPem: pem('CERTIFICATE REQUEST', csr.toBER(false)),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** The common name of a PEM CSR (to name files and check it), '' when it has none, or undefined when it is not one. */
export function csrCommonName(text: string): string | undefined {
  const match = /-----BEGIN (NEW )?CERTIFICATE REQUEST-----([\s\S]+?)-----END (NEW )?CERTIFICATE REQUEST-----/.exec(text);
  if (!match) return undefined;
  try {
    const csr = fromDer(Buffer.from(match[2].replace(/\s+/g, ''), 'base64')) as asn1js.Sequence;
    const info = csr.valueBlock.value[0] as asn1js.Sequence;
    const subject = info.valueBlock.value[1] as asn1js.Sequence;
    if (!(subject instanceof asn1js.Sequence) || info.valueBlock.value.length < 3) return undefined;
    for (const rdn of subject.valueBlock.value as asn1js.Set[]) {
      for (const pair of rdn.valueBlock.value as asn1js.Sequence[]) {
        const [type, value] = pair.valueBlock.value as [asn1js.ObjectIdentifier, asn1js.Utf8String];
        if (type.valueBlock.toString() === OID.commonName) return value.valueBlock.value;
      }
    }
    return '';
  } catch {
    return undefined;
  }
}
