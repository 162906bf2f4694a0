/** Who is in the portal: one contact of one account, as their link or code proved. */
export interface PortalVisitor {
  accountId: string;
  contactId: string;
  contactName: string;
  /** The contact's address for one-time codes and receipts; null when none is on file. */
  email: string | null;
  /** The language the contact chose in the portal (BCP 47); null: their browser's. */
  storedLocale: string | null;
}
