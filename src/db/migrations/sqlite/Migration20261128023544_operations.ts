import { Migration } from '@mikro-orm/migrations';

export class Migration20261128023544_operations extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`hooks\` add column \`ordered\` integer not null default false;`);
    this.addSql(`alter table \`hooks\` add column \`rate_limit\` integer null;`);
    this.addSql(`alter table \`hooks\` add column \`failing_since\` datetime null;`);
    this.addSql(`alter table \`hooks\` add column \`consecutive_failures\` integer not null default 0;`);

    this.addSql(`alter table \`deliveries\` add column \`round_offset\` integer not null default 0;`);
    this.addSql(`alter table \`deliveries\` add column \`next_trigger\` text not null default 'SCHEDULED';`);
    this.addSql(`create index \`deliveries_hook_id_event_id_index\` on \`deliveries\` (\`hook_id\`, \`event_id\`);`);
  }

}
