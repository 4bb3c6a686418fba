/*
 * The textual IR exactly as dev.xamba.ir.print.AsmPrinter prints it (the printer is the contract):
 *
 *   module @tiny {
 *     func.func @main(%arg0: tensor<1x4x8xf32>) -> tensor<1x4x8xf32> {
 *       %0 = "ov.ReLU"(%arg0) : (tensor<1x4x8xf32>) -> tensor<1x4x8xf32> loc("relu")
 *       func.return %0 : tensor<1x4x8xf32>
 *     }
 *   }
 *   {-# dialect_resources: { builtin: { w0: "0x04000000..." } } #-}
 *
 * The grammar only checks the shape of the text; names, types, literal values and counts are checked while
 * the IR is built (IrBuilder and friends), where the error can say precisely what is wrong. Every decision is
 * LL(1) or close to it, so SLL prediction succeeds on every valid input.
 */
grammar XambaIr;

// ---------------------------------------------------------------- structure

/** A module, or a bare list of functions that is wrapped into an implicit module. */
file            : (module | func*) resources? EOF ;
module          : MODULE SYMBOL? LBRACE func* RBRACE ;
func            : FUNC SYMBOL LPAREN (argument (COMMA argument)*)? RPAREN (ARROW resultTypes)? (ATTRIBUTES attrDict)? LBRACE op* RBRACE ;
argument        : VALUE_ID COLON tensorType ;

op              : returnOp | genericOp ;
returnOp        : RETURN (valueUse (COMMA valueUse)* COLON tensorType (COMMA tensorType)*)? location? ;
genericOp       : (resultDef EQUALS)? STRING LPAREN (valueUse (COMMA valueUse)*)? RPAREN attrDict?
                  COLON typeList ARROW resultTypes location? ;
resultDef       : VALUE_ID (COLON INT)? ;
valueUse        : VALUE_ID RESULT_INDEX? ;

// ---------------------------------------------------------------- types

tensorType      : TENSOR_TYPE ;
typeList        : LPAREN (tensorType (COMMA tensorType)*)? RPAREN ;
resultTypes     : tensorType | typeList ;
/** Any type usable as an attribute; a function type's single result is parenthesized if it is a function. */
type            : tensorType | functionType ;
functionType    : LPAREN (type (COMMA type)*)? RPAREN ARROW (tensorType | LPAREN (type (COMMA type)*)? RPAREN) ;
elementType     : bareId ;

// ---------------------------------------------------------------- attributes

attrDict        : LBRACE (attrEntry (COMMA attrEntry)*)? RBRACE ;
attrEntry       : attrKey EQUALS attribute ;
attrKey         : bareId | STRING ;
attribute       : number (COLON elementType)?                                    # numberAttr
                | (TRUE | FALSE)                                                 # boolAttr
                | STRING                                                         # stringAttr
                | LBRACKET (attribute (COMMA attribute)*)? RBRACKET              # arrayAttr
                | type                                                           # typeAttr
                | DENSE LT denseElement GT COLON tensorType                      # denseAttr
                | DENSE_RESOURCE LT resourceName GT COLON tensorType             # resourceAttr
                ;
number          : INT | FLOAT | HEX ;
denseElement    : number | TRUE | FALSE | LBRACKET (denseElement (COMMA denseElement)*)? RBRACKET ;
resourceName    : bareId | STRING ;
/** Keywords are ordinary names wherever a name is expected (an attribute called "loc", a resource "dense"). */
bareId          : ID | MODULE | FUNC | RETURN | LOC | FUSED | UNKNOWN | DENSE | DENSE_RESOURCE | TRUE | FALSE | ATTRIBUTES
                | DIALECT_RESOURCES ;

// ---------------------------------------------------------------- locations and resources

location        : LOC LPAREN locationBody RPAREN ;
locationBody    : STRING (COLON INT COLON INT)?
                | FUSED LBRACKET (locationBody (COMMA locationBody)*)? RBRACKET
                | UNKNOWN ;

resources       : META_BEGIN DIALECT_RESOURCES COLON LBRACE (resourceDialect (COMMA resourceDialect)*)? RBRACE META_END ;
resourceDialect : bareId COLON LBRACE (resourceEntry (COMMA resourceEntry)*)? RBRACE ;
resourceEntry   : resourceName COLON STRING ;

// ---------------------------------------------------------------- tokens

MODULE            : 'module' ;
FUNC              : 'func.func' ;
RETURN            : 'func.return' ;
LOC               : 'loc' ;
FUSED             : 'fused' ;
UNKNOWN           : 'unknown' ;
DENSE             : 'dense' ;
DENSE_RESOURCE    : 'dense_resource' ;
TRUE              : 'true' ;
FALSE             : 'false' ;
DIALECT_RESOURCES : 'dialect_resources' ;
ATTRIBUTES        : 'attributes' ;

// Separators come first so that messages list them first: "expected ',' or ')'".
COMMA      : ',' ;
COLON      : ':' ;
EQUALS     : '=' ;
ARROW      : '->' ;
META_BEGIN : '{-#' ;
META_END   : '#-}' ;
LBRACE     : '{' ;
RBRACE     : '}' ;
LPAREN     : '(' ;
RPAREN     : ')' ;
LBRACKET   : '[' ;
RBRACKET   : ']' ;
LT         : '<' ;
GT         : '>' ;

/** A whole tensor type is one token; its dimensions and element type are checked by TypeBuilder. */
TENSOR_TYPE         : 'tensor<' ~[<>\r\n]* '>' ;
UNTERMINATED_TENSOR : 'tensor<' ~[<>\r\n]* ;

VALUE_ID     : '%' [A-Za-z0-9_$.]+ ;
RESULT_INDEX : '#' [0-9]+ ;
SYMBOL       : '@' ( [A-Za-z_] [A-Za-z0-9_$.]* | STRING_BODY '"' ) ;
UNTERMINATED_SYMBOL : '@' STRING_BODY ;

HEX   : '0x' [0-9A-Fa-f]+ ;
FLOAT : '-'? DIGITS ( '.' DIGITS EXPONENT? | EXPONENT ) ;
INT   : '-'? DIGITS ;
/** Names may contain '-' after the first character because resource names do (dense_resource<w-0>). */
ID    : [A-Za-z_] [A-Za-z0-9_$.\-]* ;

/** Escapes are checked by StringLiterals, so that a bad one is reported at its own column. */
STRING              : STRING_BODY '"' ;
UNTERMINATED_STRING : STRING_BODY ;

LINE_COMMENT : '//' ~[\r\n]* -> skip ;
WHITESPACE   : [ \t\r\n\f]+ -> skip ;

/** Any other character becomes a token the parser rejects with a precise message; the lexer never fails. */
ERROR_CHAR : . ;

fragment STRING_BODY : '"' ( ~["\\\r\n] | '\\' ~[\r\n] )* ;
fragment DIGITS      : [0-9]+ ;
fragment EXPONENT    : [eE] [+\-]? DIGITS ;
