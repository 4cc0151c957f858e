import { buildSchema } from 'graphql';

/**
 * The subset of Shopify's Admin GraphQL schema (2026-10) the adapter uses, with Shopify's type,
 * field, argument and enum names, so a document Shopify would refuse is refused here too.
 */
export const fakeAdminSchema = buildSchema(/* GraphQL */ `
  directive @idempotent(key: String!) on FIELD

  scalar DateTime
  scalar Decimal
  scalar Money
  scalar URL

  enum CurrencyCode { USD EUR GBP CAD JPY }
  enum OrderSortKeys { CREATED_AT PROCESSED_AT ID }
  enum OrderCancelReason { CUSTOMER DECLINED FRAUD INVENTORY OTHER STAFF }
  enum OrderDisplayFinancialStatus { AUTHORIZED EXPIRED PAID PARTIALLY_PAID PARTIALLY_REFUNDED PENDING REFUNDED VOIDED }
  enum OrderDisplayFulfillmentStatus { FULFILLED IN_PROGRESS ON_HOLD OPEN PARTIALLY_FULFILLED PENDING_FULFILLMENT REQUEST_DECLINED RESTOCKED SCHEDULED UNFULFILLED }
  enum FulfillmentStatus { CANCELLED ERROR FAILURE SUCCESS OPEN PENDING }
  enum FulfillmentDisplayStatus { ATTEMPTED_DELIVERY CANCELED CARRIER_PICKED_UP CONFIRMED DELAYED DELIVERED FAILURE FULFILLED IN_TRANSIT LABEL_PRINTED LABEL_PURCHASED LABEL_VOIDED MARKED_AS_FULFILLED NOT_DELIVERED OUT_FOR_DELIVERY PICKED_UP READY_FOR_PICKUP SUBMITTED }
  enum OrderTransactionKind { AUTHORIZATION CAPTURE CHANGE EMV_AUTHORIZATION REFUND SALE SUGGESTED_REFUND VOID }
  enum OrderTransactionStatus { AWAITING_RESPONSE ERROR FAILURE PENDING SUCCESS UNKNOWN }
  enum RefundLineItemRestockType { CANCEL LEGACY_RESTOCK NO_RESTOCK RETURN }
  enum ReturnStatus { CANCELED CLOSED DECLINED OPEN REQUESTED }
  enum ReturnReason { COLOR DEFECTIVE NOT_AS_DESCRIBED OTHER SIZE_TOO_LARGE SIZE_TOO_SMALL STYLE UNKNOWN UNWANTED WRONG_ITEM }
  enum ProductStatus { ACTIVE ARCHIVED DRAFT }
  enum CountryCode { US CA GB FR DE }

  type MoneyV2 { amount: Decimal! currencyCode: CurrencyCode! }
  type MoneyBag { shopMoney: MoneyV2! presentmentMoney: MoneyV2! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }

  type MailingAddress { name: String address1: String address2: String city: String provinceCode: String zip: String countryCodeV2: CountryCode phone: String }
  type Customer { id: ID! email: String firstName: String lastName: String phone: String }
  type CustomerConnection { nodes: [Customer!]! pageInfo: PageInfo! }

  type Product { id: ID! title: String! productType: String! tags: [String!]! vendor: String! description: String! updatedAt: DateTime! status: ProductStatus! variants(first: Int): ProductVariantConnection! }
  type ProductConnection { nodes: [Product!]! pageInfo: PageInfo! }
  type SelectedOption { name: String! value: String! }
  type ProductVariant { id: ID! title: String! sku: String price: Money! availableForSale: Boolean! selectedOptions: [SelectedOption!]! }
  type ProductVariantConnection { nodes: [ProductVariant!]! }

  type LineItem { id: ID! title: String! variantTitle: String sku: String quantity: Int! currentQuantity: Int! originalUnitPriceSet: MoneyBag! product: Product }
  type LineItemConnection { nodes: [LineItem!]! }
  type TrackingInfo { company: String number: String url: URL }
  type FulfillmentLineItem { id: ID! quantity: Int lineItem: LineItem! }
  type FulfillmentLineItemConnection { nodes: [FulfillmentLineItem!]! }
  type Fulfillment { id: ID! status: FulfillmentStatus! displayStatus: FulfillmentDisplayStatus createdAt: DateTime! estimatedDeliveryAt: DateTime inTransitAt: DateTime deliveredAt: DateTime trackingInfo(first: Int): [TrackingInfo!]! fulfillmentLineItems(first: Int): FulfillmentLineItemConnection! }
  type RefundLineItem { quantity: Int! lineItem: LineItem! }
  type RefundLineItemConnection { nodes: [RefundLineItem!]! }
  type Refund { id: ID! note: String createdAt: DateTime totalRefundedSet: MoneyBag! refundLineItems(first: Int): RefundLineItemConnection! }
  interface ReturnLineItemType { id: ID! quantity: Int! returnReason: ReturnReason! }
  type ReturnLineItem implements ReturnLineItemType { id: ID! quantity: Int! returnReason: ReturnReason! fulfillmentLineItem: FulfillmentLineItem! }
  type ReturnLineItemTypeConnection { nodes: [ReturnLineItemType!]! }
  type ReverseDeliveryTrackingV2 { number: String url: URL carrierName: String }
  type ReverseDeliveryLabelV2 { publicFileUrl: URL }
  type ReverseDeliveryShippingDeliverable { tracking: ReverseDeliveryTrackingV2 label: ReverseDeliveryLabelV2 }
  union ReverseDeliveryDeliverable = ReverseDeliveryShippingDeliverable
  type ReverseDelivery { id: ID! deliverable: ReverseDeliveryDeliverable }
  type ReverseDeliveryConnection { nodes: [ReverseDelivery!]! }
  type ReverseFulfillmentOrder { id: ID! reverseDeliveries(first: Int): ReverseDeliveryConnection! }
  type ReverseFulfillmentOrderConnection { nodes: [ReverseFulfillmentOrder!]! }
  type Return { id: ID! name: String! status: ReturnStatus! order: Order! returnLineItems(first: Int): ReturnLineItemTypeConnection! reverseFulfillmentOrders(first: Int): ReverseFulfillmentOrderConnection! }
  type ReturnConnection { nodes: [Return!]! }
  type OrderTransaction { id: ID! kind: OrderTransactionKind! status: OrderTransactionStatus! gateway: String amountSet: MoneyBag! }

  type Order {
    id: ID! name: String! email: String createdAt: DateTime! cancelledAt: DateTime
    displayFinancialStatus: OrderDisplayFinancialStatus displayFulfillmentStatus: OrderDisplayFulfillmentStatus!
    currencyCode: CurrencyCode! customer: Customer
    subtotalPriceSet: MoneyBag totalShippingPriceSet: MoneyBag! totalPriceSet: MoneyBag! totalRefundedSet: MoneyBag!
    shippingAddress: MailingAddress
    lineItems(first: Int): LineItemConnection!
    fulfillments(first: Int): [Fulfillment!]!
    refunds(first: Int): [Refund!]!
    returns(first: Int): ReturnConnection!
    transactions(first: Int): [OrderTransaction!]!
  }
  type OrderConnection { nodes: [Order!]! pageInfo: PageInfo! }

  type Job { id: ID! done: Boolean! }
  type Shop { name: String! myshopifyDomain: String! }
  type AccessScope { handle: String! }
  type AppInstallation { accessScopes: [AccessScope!]! }

  type Query {
    order(id: ID!): Order
    orders(first: Int, after: String, query: String, sortKey: OrderSortKeys, reverse: Boolean): OrderConnection!
    customer(id: ID!): Customer
    customers(first: Int, query: String): CustomerConnection!
    product(id: ID!): Product
    products(first: Int, after: String, query: String): ProductConnection!
    job(id: ID!): Job
    return(id: ID!): Return
    shop: Shop!
    currentAppInstallation: AppInstallation!
  }

  type UserError { field: [String!] message: String! }
  type OrderCancelUserError { field: [String!] message: String! code: String }
  type OrderCancelPayload { job: Job orderCancelUserErrors: [OrderCancelUserError!]! userErrors: [UserError!]! }
  type OrderUpdatePayload { order: Order userErrors: [UserError!]! }
  type RefundCreatePayload { refund: Refund order: Order userErrors: [UserError!]! }
  type ReturnCreatePayload { return: Return userErrors: [UserError!]! }
  type ReturnCancelPayload { return: Return userErrors: [UserError!]! }
  type ReverseDeliveryCreateWithShippingPayload { reverseDelivery: ReverseDelivery userErrors: [UserError!]! }

  input OrderCancelRefundMethodInput { originalPaymentMethodsRefund: Boolean }
  input MailingAddressInput { firstName: String lastName: String address1: String address2: String city: String provinceCode: String zip: String countryCode: CountryCode phone: String }
  input OrderInput { id: ID! email: String note: String shippingAddress: MailingAddressInput }
  input RefundLineItemInput { lineItemId: ID! quantity: Int! restockType: RefundLineItemRestockType locationId: ID }
  input OrderTransactionInput { orderId: ID! parentId: ID gateway: String! kind: OrderTransactionKind! amount: Money! }
  input ShippingRefundInput { amount: Money fullRefund: Boolean }
  input RefundInput { orderId: ID! note: String notify: Boolean refundLineItems: [RefundLineItemInput!] transactions: [OrderTransactionInput!] shipping: ShippingRefundInput }
  input ReturnLineItemInput { fulfillmentLineItemId: ID! quantity: Int! returnReason: ReturnReason returnReasonNote: String }
  input ReturnInput { orderId: ID! returnLineItems: [ReturnLineItemInput!]! notifyCustomer: Boolean requestedAt: DateTime }
  input ReverseDeliveryLineItemInput { reverseFulfillmentOrderLineItemId: ID! quantity: Int! }
  input ReverseDeliveryTrackingInput { number: String url: URL }
  input ReverseDeliveryLabelInput { fileUrl: URL! }

  type Mutation {
    orderCancel(orderId: ID!, reason: OrderCancelReason!, restock: Boolean!, notifyCustomer: Boolean, staffNote: String, refundMethod: OrderCancelRefundMethodInput): OrderCancelPayload
    orderUpdate(input: OrderInput!): OrderUpdatePayload
    refundCreate(input: RefundInput!): RefundCreatePayload
    returnCreate(returnInput: ReturnInput!): ReturnCreatePayload
    returnCancel(id: ID!): ReturnCancelPayload
    reverseDeliveryCreateWithShipping(reverseFulfillmentOrderId: ID!, reverseDeliveryLineItems: [ReverseDeliveryLineItemInput!]!, trackingInput: ReverseDeliveryTrackingInput, labelInput: ReverseDeliveryLabelInput, notifyCustomer: Boolean): ReverseDeliveryCreateWithShippingPayload
  }
`);
