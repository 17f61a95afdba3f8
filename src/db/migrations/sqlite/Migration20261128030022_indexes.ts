import { Migration } from '@mikro-orm/migrations';

export class Migration20261128030022_indexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index \`events_created_at_index\` on \`events\` (\`created_at\`);`);

    this.addSql(`create index \`deliveries_status_index\` on \`deliveries\` (\`status\`);`);

    this.addSql(`create index \`delivery_attempts_started_at_index\` on \`delivery_attempts\` (\`started_at\`);`);
  }

}
