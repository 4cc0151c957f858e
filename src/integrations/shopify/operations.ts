/** The Admin GraphQL documents the adapter sends (API version in admin-transport.ts). */

const ORDER_FIELDS = /* GraphQL */ `
fragment ConciergeOrder on Order {
  id
  name
  email
  createdAt
  cancelledAt
  displayFinancialStatus
  displayFulfillmentStatus
  currencyCode
  customer { id firstName lastName }
  subtotalPriceSet { shopMoney { amount currencyCode } }
  totalShippingPriceSet { shopMoney { amount currencyCode } }
  totalPriceSet { shopMoney { amount currencyCode } }
  totalRefundedSet { shopMoney { amount currencyCode } }
  shippingAddress { name address1 address2 city provinceCode zip countryCodeV2 phone }
  lineItems(first: 100) {
    nodes {
      id
      title
      variantTitle
      sku
      quantity
      currentQuantity
      originalUnitPriceSet { shopMoney { amount currencyCode } }
      product { id productType tags }
    }
  }
  fulfillments(first: 50) {
    id
    status
    displayStatus
    createdAt
    estimatedDeliveryAt
    inTransitAt
    deliveredAt
    trackingInfo(first: 5) { company number url }
    fulfillmentLineItems(first: 100) { nodes { id quantity lineItem { id } } }
  }
  refunds(first: 50) {
    id
    note
    createdAt
    totalRefundedSet { shopMoney { amount currencyCode } }
    refundLineItems(first: 100) { nodes { quantity lineItem { id } } }
  }
  returns(first: 20) {
    nodes {
      id
      name
      status
      returnLineItems(first: 50) { nodes { ... on ReturnLineItem { quantity returnReason fulfillmentLineItem { lineItem { id } } } } }
    }
  }
}`;

export const ORDER_BY_ID = /* GraphQL */ `
query ConciergeOrderById($id: ID!) {
  order(id: $id) { ...ConciergeOrder }
}
${ORDER_FIELDS}`;

export const ORDERS_SEARCH = /* GraphQL */ `
query ConciergeOrders($query: String!, $first: Int!) {
  orders(first: $first, query: $query, sortKey: CREATED_AT, reverse: true) { nodes { ...ConciergeOrder } }
}
${ORDER_FIELDS}`;

export const CUSTOMERS_SEARCH = /* GraphQL */ `
query ConciergeCustomers($query: String!) {
  customers(first: 1, query: $query) { nodes { id email firstName lastName phone } }
}`;

export const CUSTOMER_BY_ID = /* GraphQL */ `
query ConciergeCustomer($id: ID!) {
  customer(id: $id) { id email firstName lastName phone }
}`;

export const PRODUCTS = /* GraphQL */ `
query ConciergeProducts($first: Int!, $after: String, $query: String) {
  products(first: $first, after: $after, query: $query) {
    nodes {
      id
      title
      productType
      tags
      vendor
      description
      updatedAt
      variants(first: 100) { nodes { id title sku price availableForSale selectedOptions { value } } }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const PRODUCT_BY_ID = /* GraphQL */ `
query ConciergeProduct($id: ID!) {
  product(id: $id) {
    id
    title
    productType
    tags
    vendor
    description
    updatedAt
    status
    variants(first: 100) { nodes { id title sku price availableForSale selectedOptions { value } } }
  }
}`;

export const ORDER_TRANSACTIONS = /* GraphQL */ `
query ConciergeOrderTransactions($id: ID!) {
  order(id: $id) { id transactions(first: 20) { id kind status gateway amountSet { shopMoney { amount currencyCode } } } }
}`;

export const ORDER_CANCEL = /* GraphQL */ `
mutation ConciergeOrderCancel($orderId: ID!, $reason: OrderCancelReason!, $staffNote: String) {
  orderCancel(orderId: $orderId, reason: $reason, restock: true, notifyCustomer: true, staffNote: $staffNote, refundMethod: { originalPaymentMethodsRefund: true }) {
    job { id done }
    orderCancelUserErrors { field message code }
  }
}`;

export const JOB = /* GraphQL */ `
query ConciergeJob($id: ID!) {
  job(id: $id) { id done }
}`;

export const ORDER_UPDATE = /* GraphQL */ `
mutation ConciergeOrderUpdate($input: OrderInput!) {
  orderUpdate(input: $input) {
    order { id }
    userErrors { field message }
  }
}`;

/** `@idempotent`: Shopify creates the refund once per key and answers a retry with the first result (mandatory from 2026-04). */
export const REFUND_CREATE = (idempotencyKey: string) => /* GraphQL */ `
mutation ConciergeRefundCreate($input: RefundInput!) {
  refundCreate(input: $input) @idempotent(key: ${JSON.stringify(idempotencyKey)}) {
    refund { id note createdAt totalRefundedSet { shopMoney { amount currencyCode } } refundLineItems(first: 100) { nodes { quantity lineItem { id } } } }
    userErrors { field message }
  }
}`;

export const RETURN_CREATE = /* GraphQL */ `
mutation ConciergeReturnCreate($returnInput: ReturnInput!) {
  returnCreate(returnInput: $returnInput) {
    return { id name status }
    userErrors { field message }
  }
}`;

export const RETURN_CANCEL = /* GraphQL */ `
mutation ConciergeReturnCancel($id: ID!) {
  returnCancel(id: $id) {
    return { id name status order { id } }
    userErrors { field message }
  }
}`;

export const RETURN_BY_ID = /* GraphQL */ `
query ConciergeReturn($id: ID!) {
  return(id: $id) { id name status order { id } }
}`;

export const RETURN_REVERSE_ORDERS = /* GraphQL */ `
query ConciergeReturnReverseOrders($id: ID!) {
  return(id: $id) { id reverseFulfillmentOrders(first: 5) { nodes { id } } }
}`;

/** The return label and its tracking on Shopify's return (an empty line list means every line of the reverse fulfilment order). */
export const REVERSE_DELIVERY_CREATE = /* GraphQL */ `
mutation ConciergeReverseDelivery($reverseFulfillmentOrderId: ID!, $trackingInput: ReverseDeliveryTrackingInput, $labelInput: ReverseDeliveryLabelInput) {
  reverseDeliveryCreateWithShipping(reverseFulfillmentOrderId: $reverseFulfillmentOrderId, reverseDeliveryLineItems: [], trackingInput: $trackingInput, labelInput: $labelInput, notifyCustomer: false) {
    reverseDelivery { id }
    userErrors { field message }
  }
}`;

export const ACCESS_SCOPES = /* GraphQL */ `
query ConciergeAccessScopes {
  shop { name myshopifyDomain }
  currentAppInstallation { accessScopes { handle } }
}`;
