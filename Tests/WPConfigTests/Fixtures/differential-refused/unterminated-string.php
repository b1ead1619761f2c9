<?php
define( 'BEFORE', 1 );

define( 'OPEN', 'never closed );
