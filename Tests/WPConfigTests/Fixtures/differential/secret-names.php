<?php
// closte-test: all-resolved
// Names that look like secrets by substring but are not by words, and real ones.
define( 'WP_PROXY_BYPASS_HOSTS', 'localhost, *.internal' );
define( 'PASSPORT_CLIENT_ID', 'passport-client' );
define( 'KEYWORDS_LIMIT', 10 );
define( 'TOKENIZER_MODE', 'fast' );
define( 'DB_PASSWORD', 'p' );
define( 'AUTH_KEY', 'k' );
define( 'NONCE_SALT', 's' );
define( 'SMTP_PASS', 'p' );
define( 'GITHUB_TOKEN', 't' );
define( 'CLOSTE_CLIENT_API_KEY', 'c' );
