<?php
if ( true ) {
	define( 'INSIDE', 1 );
