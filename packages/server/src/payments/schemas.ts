/** The payment shapes of the open widget API: the schemas the routes publish, and the domain's types (`z.infer`). */
import { z } from '@hono/zod-openapi';
import { PAYMENT_STATUSES } from './payments.js';

export const PaymentSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(PAYMENT_STATUSES).openapi({
      description:
        '`redirect`: offen, der Browser soll zu `payUrl`; `pending`: Ausgang gerade nicht bekannt (Bezahldienst nicht erreichbar), ' +
        'später erneut fragen; `paid`, `failed`, `cancelled`, `expired` sind endgültig.',
    }),
    amountCents: z.number().int(),
    currency: z.literal('EUR'),
    purpose: z.string(),
    reference: z.string().openapi({ description: 'Kassenzeichen' }),
    description: z.string().optional(),
    payUrl: z.url().optional().openapi({ description: 'Bezahlseite des Bezahldienstes; nur bei `redirect`' }),
    paymentMethod: z
      .string()
      .optional()
      .openapi({ description: 'Zahlart nach XBezahldienste (CREDITCARD, PAYPAL, GIROPAY, PAYDIRECT, OTHER …); nach der Zahlung', example: 'CREDITCARD' }),
    paymentMethodDetail: z.string().optional().openapi({ description: 'Text des Bezahldienstes zur Zahlart', example: 'Kreditkarte' }),
    paidAt: z.string().optional().openapi({ format: 'date-time' }),
    transactionReference: z.string().optional().openapi({ description: 'Zeichen der Zahlung beim Bezahldienst, für die Quittung' }),
    createdAt: z.string().openapi({ format: 'date-time' }),
    expiresAt: z.string().openapi({ format: 'date-time', description: 'Bis dahin kann bezahlt werden' }),
  })
  .openapi('Payment');

export const PaymentSummarySchema = z
  .object({
    status: z.enum(PAYMENT_STATUSES),
    amountCents: z.number().int(),
    currency: z.literal('EUR'),
    createdAt: z.string().openapi({ format: 'date-time' }),
    expiresAt: z.string().optional().openapi({ format: 'date-time', description: 'Solange offen: bis dahin kann bezahlt werden' }),
    paidAt: z.string().optional().openapi({ format: 'date-time' }),
    purpose: z.string().optional(),
    reference: z.string().optional().openapi({ description: 'Kassenzeichen' }),
    paymentMethod: z.string().optional(),
    paymentMethodDetail: z.string().optional(),
    transactionReference: z.string().optional(),
  })
  .openapi('PaymentSummary', {
    description:
      'Was jeder erfährt, der das Kassenzeichen kennt: Stand, Betrag, Zeitpunkte; nie die Kennung der Zahlung oder die Bezahlseite. ' +
      'Die Quittungsangaben (`purpose`, `reference`, Zahlart, `transactionReference`) nur in der Antwort 409 auf eine Anlage, ' +
      'die auch Betrag und Verwendungszweck der bezahlten Zahlung nennt.',
  });
