import { Migration } from '@mikro-orm/migrations';

export class Migration20261128021847_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`api_keys\` (\`id\` text not null, \`name\` text not null, \`key_hash\` text not null, \`scopes\` json not null, \`created_at\` datetime not null, \`revoked_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create unique index \`api_keys_key_hash_unique\` on \`api_keys\` (\`key_hash\`);`);

    this.addSql(`create table \`event_types\` (\`name\` text not null, \`description\` text not null default '', \`created_at\` datetime not null, primary key (\`name\`));`);

    this.addSql(`create table \`events\` (\`id\` text not null, \`event_type\` text not null, \`payload\` json not null, \`idempotency_key\` text null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`events_idempotency_key_unique\` on \`events\` (\`idempotency_key\`);`);

    this.addSql(`create table \`hooks\` (\`id\` text not null, \`name\` text not null, \`events\` json not null, \`url\` text not null, \`headers\` json not null, \`enabled\` integer not null default true, \`signing_key\` text not null, \`retired_signing_keys\` json not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`disabled_at\` datetime null, \`disabled_reason\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`hooks_enabled_index\` on \`hooks\` (\`enabled\`);`);

    this.addSql(`create table \`deliveries\` (\`id\` text not null, \`event_id\` text not null, \`hook_id\` text not null, \`event_type\` text not null, \`status\` text not null default 'PENDING', \`attempt_count\` integer not null default 0, \`next_attempt_at\` datetime null, \`locked_by\` text null, \`locked_until\` datetime null, \`last_error\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`deliveries_event_id_foreign\` foreign key(\`event_id\`) references \`events\`(\`id\`) on delete cascade on update cascade, constraint \`deliveries_hook_id_foreign\` foreign key(\`hook_id\`) references \`hooks\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`deliveries_event_id_index\` on \`deliveries\` (\`event_id\`);`);
    this.addSql(`create index \`deliveries_hook_id_index\` on \`deliveries\` (\`hook_id\`);`);
    this.addSql(`create index \`deliveries_next_attempt_at_index\` on \`deliveries\` (\`next_attempt_at\`);`);
    this.addSql(`create index \`deliveries_hook_id_created_at_index\` on \`deliveries\` (\`hook_id\`, \`created_at\`);`);
    this.addSql(`create unique index \`deliveries_event_id_hook_id_unique\` on \`deliveries\` (\`event_id\`, \`hook_id\`);`);

    this.addSql(`create table \`delivery_attempts\` (\`id\` text not null, \`delivery_id\` text not null, \`hook_id\` text not null, \`number\` integer not null, \`trigger\` text not null default 'SCHEDULED', \`started_at\` datetime not null, \`duration_ms\` integer not null, \`request_url\` text not null, \`request_headers\` json not null, \`request_body\` text not null, \`succeeded\` integer not null, \`response_status\` integer null, \`response_body\` text null, \`error_kind\` text null, \`error_message\` text null, constraint \`delivery_attempts_delivery_id_foreign\` foreign key(\`delivery_id\`) references \`deliveries\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`delivery_attempts_delivery_id_index\` on \`delivery_attempts\` (\`delivery_id\`);`);
    this.addSql(`create index \`delivery_attempts_delivery_id_number_index\` on \`delivery_attempts\` (\`delivery_id\`, \`number\`);`);
    this.addSql(`create index \`delivery_attempts_hook_id_started_at_index\` on \`delivery_attempts\` (\`hook_id\`, \`started_at\`);`);
  }

}
