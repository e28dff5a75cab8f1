// `pre-push`: see PrePushProgram in ShipshapeFrontEnd.
import ShipshapeFrontEnd

FrontEnd.main(PrePushProgram.self)
