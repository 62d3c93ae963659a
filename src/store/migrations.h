// Numbered schema migrations, tracked with PRAGMA user_version.
#pragma once

#include "coopatlas/status.h"
#include "store/db.h"

namespace coopatlas::store {

// The schema version this build writes and understands.
int LatestSchemaVersion();

// Brings the schema up to LatestSchemaVersion(), each migration in its own
// transaction. Errors: kFailedPrecondition if the database was written by a
// newer coopatlas (its version is higher than ours).
Status Migrate(Db* db);

}  // namespace coopatlas::store
