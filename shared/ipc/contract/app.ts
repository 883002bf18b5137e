import { LOCALES } from '../../domain/locale';
import { officeIdentitySchema } from '../../domain/office';
import { z } from '../../zod-setup';

const none = z.undefined();

export const appChannels = {
  'app.info': {
    input: none,
    output: z.object({ version: z.string(), platform: z.string(), runtime: z.enum(['electron', 'harness']) }),
  },
  'settings.get': {
    input: none,
    output: z.object({ locale: z.enum(LOCALES), office: officeIdentitySchema.nullable() }),
  },
  'settings.setLocale': {
    input: z.object({ locale: z.enum(LOCALES) }),
    output: z.object({ locale: z.enum(LOCALES) }),
  },
  'office.get': { input: none, output: officeIdentitySchema.nullable() },
  'office.save': { input: officeIdentitySchema, output: officeIdentitySchema },
  'storage.status': {
    input: none,
    output: z.object({ free: z.number().min(0), total: z.number().min(0) }),
  },
  'ops.cancel': {
    input: z.object({ opId: z.string().min(1).max(100) }),
    output: z.object({ cancelled: z.boolean() }),
  },
} as const;
