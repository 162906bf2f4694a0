import { Migration } from '@mikro-orm/migrations';

// A file the debtor sends with a dispute from the portal: a PDF, a PNG or a JPEG of at most 10 MiB, kept as it
// arrived with its SHA-256. The checks hold what the portal's upload checks, so no other writer can store more.
export class Migration20261212000000_dispute_attachments extends Migration {
  override name = 'Migration20261212000000_dispute_attachments';

  override up(): void {
    this.addSql(`create table "dispute_attachment" (
      "id" uuid not null default gen_random_uuid() primary key,
      "dispute_id" uuid not null constraint "dispute_attachment_dispute_id_foreign" references "dispute" ("id"),
      "file_name" text not null,
      "media_type" text not null,
      "size_bytes" int not null,
      "sha256" text not null,
      "content" bytea not null,
      "created_at" timestamptz not null default now(),
      constraint "dispute_attachment_file_name_check" check (length("file_name") between 1 and 200),
      constraint "dispute_attachment_media_type_check" check ("media_type" in ('application/pdf', 'image/png', 'image/jpeg')),
      constraint "dispute_attachment_size_check" check ("size_bytes" between 1 and 10485760 and octet_length("content") = "size_bytes"),
      constraint "dispute_attachment_sha256_check" check ("sha256" ~ '^[0-9a-f]{64}$')
    )`);
    this.addSql(`create index "dispute_attachment_dispute_id_index" on "dispute_attachment" ("dispute_id")`);
  }

  override down(): void {
    this.addSql(`drop table "dispute_attachment"`);
  }
}
