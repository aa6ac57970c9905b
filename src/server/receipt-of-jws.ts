import type { Receipt, SignedReceipt } from '../schema/receipt.js';

/**
 * A stored receipt as the endpoint hands it out. The JWS is the receipt: its payload is the receipt's JSON,
 * so stores keep only the JWS and the readable copy is decoded from it, never stored a second time.
 */
export function signedReceiptOf(receiptId: string, jws: string): SignedReceipt {
  return { receiptId, jws, receipt: receiptOfJws(jws) };
}

/** The receipt a compact JWS carries (its payload, base64url JSON); the signature is not checked here. */
export function receiptOfJws(jws: string): Receipt {
  return JSON.parse(
    Buffer.from(jws.slice(jws.indexOf('.') + 1, jws.lastIndexOf('.')), 'base64url').toString('utf8'),
  ) as Receipt;
}
