<?php
define( 'BEFORE', 1 );

/* never closed
define( 'INSIDE', 2 );
