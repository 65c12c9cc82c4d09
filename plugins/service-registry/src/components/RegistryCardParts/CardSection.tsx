import { ReactNode } from 'react';
import { Box, Typography, makeStyles } from '@material-ui/core';

const useStyles = makeStyles(theme => ({
  section: { marginTop: theme.spacing(2) },
}));

/** A subsection of a registry card, under its own heading. */
export function CardSection(props: { title: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <Box component="section" className={classes.section}>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}
