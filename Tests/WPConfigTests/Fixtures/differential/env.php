<?php
define('ENV_HOST', getenv('CLOSTE_TEST_HOST'));
define('ENV_MISSING', getenv('CLOSTE_TEST_MISSING'));
define('ENV_DEFAULT', getenv('CLOSTE_TEST_MISSING') ?: 'default-value');
define('ENV_ELVIS_SET', getenv('CLOSTE_TEST_HOST') ?: 'unused');
define('ENV_ARRAY', $_ENV['CLOSTE_TEST_HOST'] ?? 'no-env');
define('ENV_ARRAY_MISSING', $_ENV['CLOSTE_TEST_MISSING'] ?? 'no-env');
define('SERVER_ARRAY', $_SERVER['CLOSTE_TEST_HOST']);
define('SERVER_MISSING', $_SERVER['CLOSTE_TEST_MISSING'] ?? 'not-set');
define('ENV_BOOL', filter_var(getenv('CLOSTE_TEST_DEBUG'), FILTER_VALIDATE_BOOLEAN));
define('ENV_BOOL_MISSING', filter_var(getenv('CLOSTE_TEST_MISSING'), FILTER_VALIDATE_BOOLEAN));
define('ENV_INT', (int) getenv('CLOSTE_TEST_PORT'));
define('ENV_INT_FILTER', filter_var(getenv('CLOSTE_TEST_PORT'), FILTER_VALIDATE_INT));
define('ENV_COMPARE', getenv('CLOSTE_TEST_ENV') === 'production');
define('WP_ENVIRONMENT_TYPE', getenv('CLOSTE_TEST_ENV') ? getenv('CLOSTE_TEST_ENV') : 'development');
define('ENV_UPPER', strtoupper(getenv('CLOSTE_TEST_ENV')));
define('ENV_TRIM', trim('  spaced  '));
$db_host = getenv('CLOSTE_TEST_HOST') . ':' . getenv('CLOSTE_TEST_PORT');
