<?php
define('T1', true);
define('T2', TRUE);
define('T3', True);
define('F1', FALSE);
define('N1', NULL);
define('NOT', !true);
define('NOT_STRING', !'0');
define('AND_OP', true && false);
define('OR_OP', false || 'x');
define('AND_WORD', (true and 1));
define('OR_WORD', (false or 0));
define('XOR_WORD', (true xor true));
define('COALESCE_NULL', null ?? 'fallback');
define('COALESCE_VALUE', 0 ?? 'fallback');
define('COALESCE_CHAIN', null ?? null ?? 'third');
define('ELVIS', '' ?: 'empty');
define('ELVIS_KEEP', 'kept' ?: 'empty');
define('TERNARY', 1 > 2 ? 'yes' : 'no');
define('TERNARY_NESTED', true ? (false ? 'a' : 'b') : 'c');
define('EQ_LOOSE', 1 == '1');
define('EQ_STRICT', 1 === '1');
define('NE', 1 != 2);
define('NE_ANGLE', 1 <> 1);
define('NUMERIC_STRINGS_EQUAL', '1e3' == '1000');
define('STRING_ZERO_ABC', 'abc' == 0);
define('NULL_FALSE', null == false);
define('NULL_EMPTY', null == '');
define('LESS', 'apple' < 'banana');
define('LESS_NUM_STR', 10 < '9');
define('SPACESHIP', 1 <=> 2);
define('SPACESHIP_STR', 'b' <=> 'a');
define('GE', 2 >= 2.0);

// Guards: the first definition wins.
define('FIRST_WINS', 'first');
define('FIRST_WINS', 'second');
defined('GUARD_OR') || define('GUARD_OR', 'from ||');
defined('GUARD_OR') || define('GUARD_OR', 'again');
defined('GUARD_WORD') or define('GUARD_WORD', 'from or');
if (!defined('GUARD_IF')) define('GUARD_IF', 'from if');
if ( ! defined( 'GUARD_IF' ) ) { define( 'GUARD_IF', 'not this' ); }
if (!defined('FIRST_WINS')) { define('FIRST_WINS', 'not this either'); }
\define('BACKSLASH_DEFINE', 1);
DEFINE('UPPER_DEFINE', 2);
Define('MIXED_DEFINE', 3);
define('THIRD_ARGUMENT', 4, true);
@define('SILENCED', 5);
define('USES_EARLIER', FIRST_WINS . '+' . GUARD_OR);
define('DEFINED_TEST', defined('FIRST_WINS'));
define('NOT_DEFINED_TEST', defined('NOWHERE'));
define('CONSTANT_CALL', constant('UPPER_DEFINE'));
