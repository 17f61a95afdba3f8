import { Migration } from '@mikro-orm/migrations';

export class Migration20261201112719_hook_patterns extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`hook_patterns\` (\`pattern\` text not null, \`hook_id\` text not null, constraint \`hook_patterns_hook_id_foreign\` foreign key(\`hook_id\`) references \`hooks\`(\`id\`) on delete cascade on update cascade, primary key (\`pattern\`, \`hook_id\`));`);
    this.addSql(`create index \`hook_patterns_hook_id_index\` on \`hook_patterns\` (\`hook_id\`);`);
    // Every existing hook's entries, as the hook service writes them from now on.
    this.addSql(`insert into \`hook_patterns\` (\`pattern\`, \`hook_id\`) select distinct e.value, h.id from \`hooks\` h, json_each(h.events) e;`);
  }

}
