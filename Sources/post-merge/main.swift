// `post-merge`: see PostMergeProgram in ShipshapeFrontEnd.
import ShipshapeFrontEnd

FrontEnd.main(PostMergeProgram.self)
