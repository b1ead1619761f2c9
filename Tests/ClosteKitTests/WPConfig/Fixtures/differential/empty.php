<?php
// Defines nothing.
