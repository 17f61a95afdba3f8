import { Migration } from '@mikro-orm/migrations';

export class Migration20261201075023_idempotency_per_emitter extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index \`events_idempotency_key_unique\`;`);

    this.addSql(`alter table \`events\` add column \`emitter_key\` text null;`);
    this.addSql(`alter table \`events\` add column \`input_hash\` text null;`);
    this.addSql(`create unique index \`events_emitter_idempotency_key_unique\` on \`events\` (\`emitter_key\`, \`idempotency_key\`);`);
  }

}
