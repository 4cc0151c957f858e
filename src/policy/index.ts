/** The policy engine: pure decisions over store settings and order facts, each with its reasons. */
export { decisionFrom, reasonCodes, reasonMessages, strictestOutcome, type Decision, type Outcome, type Reason } from './decision';
export { conditionQuestionsFor, itemInCategory } from './categories';
export { decideReturn, type ReturnAlternative, type ReturnDecision, type ReturnInput } from './return-eligibility';
export { returnReasonCodes, type ReturnItemDecision, type ReturnReasonCode } from './return-item-eligibility';
export { decideRefund, type OpenRefundRequest, type RefundDecision, type RefundEvidence, type RefundInput, type ShopperRefund } from './refund-approval';
export { photoRequired } from './refund-evidence';
export { refundLimitHorizonDays } from './refund-limits';
export { refundReasonCodes, type RefundReason, type RefundReasonCode } from './refund-reasons';
export { decideAddressChange, decideCancellation, orderChangeReasonCodes, type AddressChangeDecision, type CancellationDecision, type OrderChangeReasonCode } from './order-change';
export { decideDisclosure, maskEmail, maxVerificationAttempts, verificationLockoutHours, type DisclosureDecision, type DisclosureReasonCode, type OwnershipClaim } from './disclosure';
export { isHighValueOrder } from './high-value';
export { detectShipmentException, shipmentFactsFromEvents, NEVER_SCANNED_HOURS, NO_MOVEMENT_HOURS, type ShipmentException, type ShipmentExceptionKind, type ShipmentFacts } from './shipment-exceptions';
