void root(void);
