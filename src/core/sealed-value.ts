/** A secret sealed at rest (AES-256-GCM); core only passes it around, data/ seals and opens it. */
export interface SealedValue {
  v: 1;
  kid: string;
  iv: string;
  tag: string;
  ct: string;
}

export interface Sealer {
  currentKeyId: string;
  seal(plaintext: string, associatedData: string): SealedValue;
  open(sealed: SealedValue, associatedData: string): string;
}
