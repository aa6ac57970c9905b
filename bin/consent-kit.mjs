#!/usr/bin/env node
// The `consent-kit` command; the code lives in the built server entry.
import { main } from '../dist/server/cli.js';

process.exitCode = await main(process.argv.slice(2));
