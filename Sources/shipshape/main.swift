// `shipshape`: see ShipshapeProgram.
import ShipshapeFrontEnd

FrontEnd.main(ShipshapeProgram.self)
