import { Migration } from '@mikro-orm/migrations';

export class Migration20261201112720_hook_patterns extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "hook_patterns" ("pattern" varchar(256) not null, "hook_id" varchar(40) not null, constraint "hook_patterns_pkey" primary key ("pattern", "hook_id"));`);
    this.addSql(`create index "hook_patterns_hook_id_index" on "hook_patterns" ("hook_id");`);
    this.addSql(`alter table "hook_patterns" add constraint "hook_patterns_hook_id_foreign" foreign key ("hook_id") references "hooks" ("id") on update cascade on delete cascade;`);
    // Every existing hook's entries, as the hook service writes them from now on.
    this.addSql(`insert into "hook_patterns" ("pattern", "hook_id") select distinct e.value, h.id from "hooks" h, jsonb_array_elements_text(h.events) e(value);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "hook_patterns" cascade;`);
  }

}
