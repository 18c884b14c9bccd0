export { MuniPaymentButton, type PaymentState } from './muni-payment-button.js';
export type * from './provider.js';
export { RestPaymentProvider } from './providers/rest.js';
export { requestProblems, type RequestProblem } from './payment-request.js';
