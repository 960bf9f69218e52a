/**
 * English messages for every zod/mini schema. zod/mini loads no locale (every message would read "Invalid input"),
 * and the problem+json `errors`, the content build and the calculator forms show zod's English. The one validation
 * path (http/validate.ts) and every module whose schemas are parsed import this, so the messages are English whichever
 * module a script or a test loads first.
 */
import { en } from "zod/locales";
import * as z from "zod/mini";

if (!z.config().localeError) z.config(en());
