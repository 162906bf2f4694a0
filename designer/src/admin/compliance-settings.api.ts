import { CUSTOMER_TYPE_VALUES, type ComplianceSettingInput } from '@recoup/contracts';
import { z } from 'zod';
import type { ApiClient } from '../api/api-client.ts';
import { unexpected } from '../api/response-reading.ts';

// The guardrail settings per customer type. Everyone signed in may read them; only admins may change them.

export type CustomerType = (typeof CUSTOMER_TYPE_VALUES)[number];

const minutes = z.number().int();

/** What the page shows of one setting. Fields the server adds later are left out of the form and kept as they are. */
const settingSchema = z.object({
  customerType: z.enum(CUSTOMER_TYPE_VALUES),
  contactStartMinutes: minutes,
  contactEndMinutes: minutes,
  maxCallAttempts: z.number().int(),
  callWindowDays: z.number().int(),
  quietDaysAfterConversation: z.number().int(),
  updatedAt: z.string(),
});
export type ComplianceSetting = z.infer<typeof settingSchema>;

export async function listComplianceSettings(api: ApiClient, signal?: AbortSignal): Promise<ComplianceSetting[]> {
  const parsed = z.array(settingSchema).safeParse(await api.get<unknown>('/api/compliance-settings', signal));
  if (!parsed.success) throw unexpected('compliance settings');
  return parsed.data;
}

export async function saveComplianceSetting(api: ApiClient, customerType: CustomerType, input: ComplianceSettingInput): Promise<ComplianceSetting> {
  const body = await api.request<unknown>(`/api/compliance-settings/${encodeURIComponent(customerType)}`, { method: 'PUT', body: input });
  const parsed = settingSchema.safeParse(body);
  if (!parsed.success) throw unexpected('a compliance setting');
  return parsed.data;
}
