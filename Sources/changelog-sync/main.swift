// `changelog-sync`: see ChangelogSyncProgram.
import ShipshapeFrontEnd

FrontEnd.main(ChangelogSyncProgram.self)
