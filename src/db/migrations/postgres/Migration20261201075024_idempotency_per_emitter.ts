import { Migration } from '@mikro-orm/migrations';

export class Migration20261201075024_idempotency_per_emitter extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "events" drop constraint "events_idempotency_key_unique";`);

    this.addSql(`alter table "events" add column "emitter_key" varchar(64) null, add column "input_hash" varchar(64) null;`);
    this.addSql(`alter table "events" add constraint "events_emitter_idempotency_key_unique" unique ("emitter_key", "idempotency_key");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "events" drop constraint "events_emitter_idempotency_key_unique";`);
    this.addSql(`alter table "events" drop column "emitter_key", drop column "input_hash";`);

    this.addSql(`alter table "events" add constraint "events_idempotency_key_unique" unique ("idempotency_key");`);
  }

}
