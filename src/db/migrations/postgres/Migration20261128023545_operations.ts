import { Migration } from '@mikro-orm/migrations';

export class Migration20261128023545_operations extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "hooks" add column "ordered" boolean not null default false, add column "rate_limit" int null, add column "failing_since" timestamptz null, add column "consecutive_failures" int not null default 0;`);

    this.addSql(`alter table "deliveries" add column "round_offset" int not null default 0, add column "next_trigger" varchar(16) not null default 'SCHEDULED';`);
    this.addSql(`create index "deliveries_hook_id_event_id_index" on "deliveries" ("hook_id", "event_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "deliveries_hook_id_event_id_index";`);
    this.addSql(`alter table "deliveries" drop column "round_offset", drop column "next_trigger";`);

    this.addSql(`alter table "hooks" drop column "ordered", drop column "rate_limit", drop column "failing_since", drop column "consecutive_failures";`);
  }

}
