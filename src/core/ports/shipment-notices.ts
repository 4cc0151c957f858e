/**
 * What the shipment watch has told shoppers: one notice per (store, shipment, exception kind), so a
 * shopper hears of one stuck parcel once, whichever instance or rerun of the scan finds it.
 */
export interface ShipmentNotices {
  /**
   * True when this caller may send the notice: the first claim, or a claim left without a
   * conversation for longer than `staleAfterMs` (its sender crashed before writing).
   */
  claim(input: { storeId: string; fulfillmentId: string; kind: string; orderId: string }, staleAfterMs: number): Promise<boolean>;
  /** The notice was written: its conversation, which makes the claim final. */
  sent(input: { storeId: string; fulfillmentId: string; kind: string }, conversationId: string): Promise<void>;
}
