<?php
// closte-test: all-resolved
// switch: a known subject picks its case (==, PHP 8), falls through to break, else default.
switch ( getenv( 'CLOSTE_TEST_ENV' ) ) {
	case 'staging':
		define( 'SW_ENV', 'staging' );
		break;
	case 'production':
		define( 'SW_ENV', 'production' );
	case 'fallthrough':
		define( 'SW_FALLTHROUGH', true );
		break;
	default:
		define( 'SW_ENV', 'default' );
}

switch ( getenv( 'CLOSTE_TEST_MISSING' ) ) {
	case 'a':
		define( 'SW_MISSING', 'a' );
		break;
	default:
		define( 'SW_MISSING', 'default' );
		break;
	case 'b':
		define( 'SW_MISSING', 'b' );
}

// PHP 8's ==: "1e1" == "10" is true, "abc" == 0 is false.
switch ( '10' ) {
	case 'abc':
	case 0:
		$sw_loose = 'zero';
		break;
	case '1e1':
		$sw_loose = 'ten';
		break;
}

switch ( 3 ):
	case 1;
		define( 'SW_ALT', 'one' );
		break;
	case 3:
		define( 'SW_ALT', 'three' );
		if ( true ) {
			break;
		}
		define( 'SW_AFTER_BREAK', 'never' );
endswitch;

switch ( 'x' ) {
	case 'y':
		define( 'SW_NONE', 'y' );
}

switch ( 'outer' ) {
	case 'outer':
		switch ( 'inner' ) {
			case 'inner':
				define( 'SW_NESTED', 'inner' );
				break;
		}
		define( 'SW_AFTER_INNER', 'ran' );
		break;
	default:
		define( 'SW_NESTED', 'default' );
}

// The subject is not known to closte: what is defined inside stays conditional.
switch ( php_uname( 'n' ) ) {
	case 'never-this-host-name':
		define( 'SW_UNKNOWN', 'host' );
		break;
}
define( 'SW_DONE', true );
