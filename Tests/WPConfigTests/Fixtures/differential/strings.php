<?php
define('SQ_PLAIN', 'plain');
define('SQ_ESCAPES', 'it\'s a \\ backslash, \n stays, \t stays, \x41 stays');
define('DQ_ESCAPES', "n:\n t:\t r:\r v:\v e:\e f:\f bs:\\ dollar:\$ quote:\" ");
define('DQ_OCTAL_HEX', "\101\102\x43\x44 \0end \7");
define('DQ_UNICODE', "\u{1F600} \u{e9} \u{41}");
define('DQ_UNKNOWN', "\q \u \x \{");
$name = 'world';
define('DQ_INTERPOLATED', "hello $name!");
define('DQ_DOLLAR_ALONE', "costs $ 5 and $");
define('HEREDOC', <<<EOT
  Line one
    indented $name
  tab\tand "quotes" and \"escaped\"
  EOT);
define('HEREDOC_QUOTED', <<<"EOT"
plain heredoc
EOT
);
define('NOWDOC', <<<'EOT'
    raw $name \n \t
      kept
    EOT);
define('EMPTY_HEREDOC', <<<EOT
EOT);
define('MULTILINE', 'first
second');
define('CONCAT', 'a' . "b" . 'c' . 1 . 1.5 . true . null . false);
define('UTF8', 'héllo wörld ☃');
define /* comment between */ ( 'COMMENTED_CALL' , 'yes' ) ; // trailing
define('CONTAINS_TAGS', '<?php ?> <?= ?>');
define('HASH_IN_STRING', 'a # b // c /* d */');
