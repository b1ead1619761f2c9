<?php
define( 'BOM_CRLF', 'yes' );
$crlf_variable = "a
b";
define( 'CRLF_LINE', __LINE__ );
