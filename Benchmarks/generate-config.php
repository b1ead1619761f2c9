<?php
// Writes a large but realistic wp-config.php of about $argv[2] megabytes to $argv[1]: the usual
// settings, then blocks of commented defines, string and numeric constants, arrays, guards,
// heredocs and variables, repeated until the size is reached. Deterministic.
$path = $argv[1] ?? 'php://stdout';
$megabytes = (float) ($argv[2] ?? 30);
$target = (int) ($megabytes * 1024 * 1024);
$out = fopen($path, 'w');
$head = <<<'PHP'
<?php
/** Generated for closte's benchmarks. */
define( 'DB_NAME', 'bench_db' );
define( 'DB_USER', 'bench_user' );
define( 'DB_PASSWORD', 'bench-pass' );
define( 'DB_HOST', 'localhost' );
$table_prefix = 'wp_';

PHP;
fwrite($out, $head);
$written = strlen($head);
for ($i = 0; $written < $target; $i++) {
    $block = <<<PHP
/**
 * Block $i. define( 'COMMENTED_$i', 'not a definition' );
 */
define( 'STRING_$i', 'value number $i with some text to make it realistic' );
define( 'NUMBER_$i', $i * 60 * 60 + 0x1F );
define( 'FLOAT_$i', $i.5 / 3 );
define( 'CONCAT_$i', STRING_$i . '-' . NUMBER_$i . "-\\t$i" );
defined( 'GUARD_$i' ) || define( 'GUARD_$i', true );
if ( ! defined( 'IFGUARD_$i' ) ) { define( 'IFGUARD_$i', E_ALL & ~E_NOTICE ); }
\$list_$i = array( 'a' => $i, 'b' => [ 1, 2, 3 ], "c" => null );
// A line comment that mentions define( 'NOPE_$i', 1 );
define( 'HEREDOC_$i', <<<EOT
  heredoc body $i
  EOT );

PHP;
    fwrite($out, $block);
    $written += strlen($block);
}
fwrite($out, "require_once ABSPATH . 'wp-settings.php';\n");
fclose($out);
