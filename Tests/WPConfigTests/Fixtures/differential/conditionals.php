<?php
define('MODE', 'staging');
if (MODE === 'production') {
	define('BRANCH', 'production');
} elseif (MODE === 'staging') {
	define('BRANCH', 'staging');
	$branch_variable = 'set in elseif';
} else {
	define('BRANCH', 'other');
}
if (MODE == 'staging'):
	define('ALT_SYNTAX', 'alternative');
elseif (MODE == 'x'):
	define('ALT_SYNTAX', 'no');
else:
	define('ALT_SYNTAX', 'never');
endif;
if (false) define('NEVER_DEFINED', 1);
if (true) define('ALWAYS_DEFINED', 1); else define('ALWAYS_DEFINED', 2);
if (getenv('CLOSTE_TEST_ENV') === 'production') {
	define('ENV_BRANCH', 'prod');
	if (MODE !== 'staging') {
		define('NESTED_NO', 1);
	} else {
		define('NESTED_YES', 1);
	}
}
else if (getenv('CLOSTE_TEST_ENV') === 'dev') { define('ENV_BRANCH', 'dev'); }
if (function_exists('closte_nowhere')) {
	define('UNDECIDED', 'maybe');
}
function closte_fixture_function() {
	define('IN_FUNCTION', 1);
	$in_function = 1;
}
class Closte_Fixture_Class {
	const CLASS_CONST = 1;
	public function method() { define('IN_METHOD', 1); }
}
$closure = function () { define('IN_CLOSURE', 1); };
$arrow = fn() => define('IN_ARROW', 1);
if (!function_exists('closte_other')) {
	function closte_other() { define('IN_CONDITIONAL_FUNCTION', 1); }
}
switch (MODE) {
	case 'staging':
		$switch_seen = 'maybe';
		break;
}
foreach (array('a') as $loop_key => $loop_value) {
	$loop_last = $loop_value;
}
define('AFTER_ALL', 'end');
