<?php
define('SELF_INCLUDED', 'yes');
require_once __FILE__;
