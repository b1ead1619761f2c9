<?php
define( 'BEFORE', 1 );
define( 'LAST', 2 )
