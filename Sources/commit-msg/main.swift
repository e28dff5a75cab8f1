// `commit-msg`: see CommitMsgProgram in ShipshapeFrontEnd.
import ShipshapeFrontEnd

FrontEnd.main(CommitMsgProgram.self)
