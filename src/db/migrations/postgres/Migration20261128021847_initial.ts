import { Migration } from '@mikro-orm/migrations';

export class Migration20261128021847_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "api_keys" ("id" varchar(40) not null, "name" varchar(256) not null, "key_hash" varchar(64) not null, "scopes" jsonb not null, "created_at" timestamptz not null, "revoked_at" timestamptz null, constraint "api_keys_pkey" primary key ("id"));`);
    this.addSql(`alter table "api_keys" add constraint "api_keys_key_hash_unique" unique ("key_hash");`);

    this.addSql(`create table "event_types" ("name" varchar(256) not null, "description" text not null default '', "created_at" timestamptz not null, constraint "event_types_pkey" primary key ("name"));`);

    this.addSql(`create table "events" ("id" varchar(40) not null, "event_type" varchar(256) not null, "payload" jsonb not null, "idempotency_key" varchar(256) null, "created_at" timestamptz not null, constraint "events_pkey" primary key ("id"));`);
    this.addSql(`alter table "events" add constraint "events_idempotency_key_unique" unique ("idempotency_key");`);

    this.addSql(`create table "hooks" ("id" varchar(40) not null, "name" varchar(256) not null, "events" jsonb not null, "url" text not null, "headers" jsonb not null, "enabled" boolean not null default true, "signing_key" varchar(64) not null, "retired_signing_keys" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "disabled_at" timestamptz null, "disabled_reason" text null, constraint "hooks_pkey" primary key ("id"));`);
    this.addSql(`create index "hooks_enabled_index" on "hooks" ("enabled");`);

    this.addSql(`create table "deliveries" ("id" varchar(40) not null, "event_id" varchar(40) not null, "hook_id" varchar(40) not null, "event_type" varchar(256) not null, "status" varchar(16) not null default 'PENDING', "attempt_count" int not null default 0, "next_attempt_at" timestamptz null, "locked_by" varchar(64) null, "locked_until" timestamptz null, "last_error" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "deliveries_pkey" primary key ("id"));`);
    this.addSql(`create index "deliveries_next_attempt_at_index" on "deliveries" ("next_attempt_at");`);
    this.addSql(`create index "deliveries_hook_id_created_at_index" on "deliveries" ("hook_id", "created_at");`);
    this.addSql(`alter table "deliveries" add constraint "deliveries_event_id_hook_id_unique" unique ("event_id", "hook_id");`);

    this.addSql(`create table "delivery_attempts" ("id" varchar(40) not null, "delivery_id" varchar(40) not null, "hook_id" varchar(40) not null, "number" int not null, "trigger" varchar(16) not null default 'SCHEDULED', "started_at" timestamptz not null, "duration_ms" int not null, "request_url" text not null, "request_headers" jsonb not null, "request_body" text not null, "succeeded" boolean not null, "response_status" int null, "response_body" text null, "error_kind" varchar(16) null, "error_message" text null, constraint "delivery_attempts_pkey" primary key ("id"));`);
    this.addSql(`create index "delivery_attempts_delivery_id_number_index" on "delivery_attempts" ("delivery_id", "number");`);
    this.addSql(`create index "delivery_attempts_hook_id_started_at_index" on "delivery_attempts" ("hook_id", "started_at");`);

    this.addSql(`alter table "deliveries" add constraint "deliveries_event_id_foreign" foreign key ("event_id") references "events" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "deliveries" add constraint "deliveries_hook_id_foreign" foreign key ("hook_id") references "hooks" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "delivery_attempts" add constraint "delivery_attempts_delivery_id_foreign" foreign key ("delivery_id") references "deliveries" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "deliveries" drop constraint "deliveries_event_id_foreign";`);

    this.addSql(`alter table "deliveries" drop constraint "deliveries_hook_id_foreign";`);

    this.addSql(`alter table "delivery_attempts" drop constraint "delivery_attempts_delivery_id_foreign";`);

    this.addSql(`drop table if exists "api_keys" cascade;`);

    this.addSql(`drop table if exists "event_types" cascade;`);

    this.addSql(`drop table if exists "events" cascade;`);

    this.addSql(`drop table if exists "hooks" cascade;`);

    this.addSql(`drop table if exists "deliveries" cascade;`);

    this.addSql(`drop table if exists "delivery_attempts" cascade;`);
  }

}
