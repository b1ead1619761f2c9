<?php
define('BEFORE_RETURN', 1);
return;
define('AFTER_RETURN', 2);
