// `pre-receive`: see PreReceiveProgram in ShipshapeFrontEnd.
import ShipshapeFrontEnd

FrontEnd.main(PreReceiveProgram.self)
