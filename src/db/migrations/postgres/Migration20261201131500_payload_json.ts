import { Migration } from '@mikro-orm/migrations';

export class Migration20261201131500_payload_json extends Migration {

  override async up(): Promise<void> {
    // json keeps the text written, which deliveries' bodies are spliced from; jsonb normalised it.
    // Rewrites the table: stored payloads keep jsonb's normalised text, new ones the emitter's.
    this.addSql(`alter table "events" alter column "payload" type json using ("payload"::json);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "events" alter column "payload" type jsonb using ("payload"::jsonb);`);
  }

}
